-- The secretariat's details of a consultation's synthesis report: its document symbol, the organs
-- it goes to with their session and agenda item, its summary and conclusions (JSON, see
-- consulta_core::report_details). The secretariat's words, not part of the canonical record.
CREATE TABLE report_details (
    consultation_id INTEGER PRIMARY KEY REFERENCES consultations(id),
    details         TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
