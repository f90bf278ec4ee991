-- 0032_info_requests: requests for information (Luật Tiếp cận thông tin 2016 Đ23–24, 28–31;
-- ND 13/2018; docs/information-requests.md). A request is a ticket of kind 'info_request' entered
-- in the register (sổ theo dõi) with its number, sequential per site and YEAR: the number's year
-- joins the unique index. What the staff send back (the reply letters' files) is kept out of
-- the public media library: TICKET_FILES names them, their bytes are under the data folder's
-- private/ directory, served to the staff and to the citizen who proves the request's e-mail.
ALTER TABLE tickets ADD COLUMN number_year INTEGER;
DROP INDEX tickets_number;
CREATE UNIQUE INDEX tickets_number ON tickets(site_id, kind, number_year, number) WHERE number IS NOT NULL;
CREATE INDEX tickets_register ON tickets(site_id, kind, received_at);

CREATE TABLE ticket_files (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  event_id   INTEGER REFERENCES ticket_events(id),
  name       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_files_ticket ON ticket_files(ticket_id, id);

-- The deadlines of a request sent through the network (Luật TCTT Đ30; ND 13/2018): a simple one
-- provided within 3 working days; a complex one — its timeline notified within 3 working days,
-- provided or refused in writing within 15, extended once by 15; information found wrong
-- corrected within 5. A site sets its own on the deadlines page like any other rule.
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'tctt-don-gian', 'Cung cấp thông tin theo yêu cầu (đơn giản) hoặc thông báo thời hạn (phức tạp)', 3, 'workdays', 'Luật TCTT Đ30', 40),
  (NULL, 'tctt-phuc-tap', 'Cung cấp hoặc từ chối cung cấp thông tin (yêu cầu phức tạp)', 15, 'workdays', 'Luật TCTT Đ30', 41),
  (NULL, 'tctt-gia-han', 'Gia hạn cung cấp thông tin (một lần)', 15, 'workdays', 'Luật TCTT Đ30', 42),
  (NULL, 'tctt-dinh-chinh', 'Đính chính, cung cấp lại thông tin không chính xác', 5, 'workdays', 'Luật TCTT; NĐ 13/2018', 43);
