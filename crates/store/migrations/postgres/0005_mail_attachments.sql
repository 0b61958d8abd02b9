-- An email may carry one text attachment: the acknowledgement of a contribution carries its
-- receipt (JSON), so the contributor keeps it even without having saved it from the page.
ALTER TABLE mail_outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE mail_outbox ADD COLUMN attachment TEXT;
