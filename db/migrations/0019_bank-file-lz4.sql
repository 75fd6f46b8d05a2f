-- Uploaded bank files are stored with lz4 instead of the default pglz: a 100,000-line Asobancaria file (16 MB of
-- text) compressed in 0.1-0.2 s instead of 0.3-0.4 s (tests/bench/bank-import.ts), at a ratio of 10:1 instead of
-- 12.6:1. A server built without lz4 (PGlite) keeps pglz: the error is caught and nothing else changes.
DO $$
BEGIN
  ALTER TABLE "bank_files" ALTER COLUMN "content" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available here: bank_files.content keeps the default compression';
END $$;
