-- The e-mail intake's mailbox may name the certificates it trusts besides the system's store:
-- a self-hosted mail server signed by a private CA (docs/email-intake.md). CA_PEM: one or more
-- certificates in PEM as GnuTLS read them when they were saved (nothing else), '' for none.
ALTER TABLE mail_boxes ADD COLUMN ca_pem TEXT NOT NULL DEFAULT '';
