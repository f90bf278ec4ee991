-- 0026: the default update deadlines of the leaders' schedules, the citizen-reception schedule
-- and the directory (units, officials, spokespeople): docs/schedules.md, docs/directory.md.
-- "Kịp thời, thường xuyên" (TQ Đ7.1, VP Đ7.1) for the leaders' schedules and reception: one working
-- day; the introduction and contacts (VP Đ4.1) have no period of their own: five working days
-- (TQ Đ7.6). Added only when no default of that kind exists (another part may have seeded it).
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position)
  SELECT NULL, 'lich-lam-viec', 'Lịch làm việc, lịch và kết quả tiếp công dân của lãnh đạo', 1, 'workdays', 'TQ Đ7.1, VP Đ7.1', 20
  WHERE NOT EXISTS (SELECT 1 FROM deadline_rules WHERE kind = 'lich-lam-viec' AND site_id IS NULL);
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position)
  SELECT NULL, 'gioi-thieu', 'Giới thiệu, cơ cấu tổ chức, thông tin liên hệ của cán bộ', 5, 'workdays', 'TQ Đ7.6, VP Đ4.1', 21
  WHERE NOT EXISTS (SELECT 1 FROM deadline_rules WHERE kind = 'gioi-thieu' AND site_id IS NULL);
