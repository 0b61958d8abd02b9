-- A consultation may take contributions only from signed-in focal points (verified), refusing
-- unverified ones from the public.
ALTER TABLE consultations ADD COLUMN unverified_allowed INTEGER NOT NULL DEFAULT 1 CHECK (unverified_allowed IN (0, 1));
