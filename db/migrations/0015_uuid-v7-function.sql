-- Time-ordered UUIDs (RFC 9562 §5.7, version 7) for rows the database numbers itself: 48 bits of Unix milliseconds,
-- then random bits. PostgreSQL 15 has no uuidv7(). High-volume tables (payments, their ledger entries and allocations)
-- use it as their id default so each insert appends at the right edge of the primary-key index instead of touching a
-- random page of an index that outgrows memory (tests/bench/bank-import.ts). Ids made in Node use
-- app/billing/liquidation/ids.ts, the same layout.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid AS $$
  SELECT encode(
    set_bit(
      set_bit(
        overlay(uuid_send(gen_random_uuid())
                placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6),
        52, 1),
      53, 1),
    'hex')::uuid
$$ LANGUAGE sql VOLATILE PARALLEL SAFE;
--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "id" SET DEFAULT uuid_v7();--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "id" SET DEFAULT uuid_v7();--> statement-breakpoint
ALTER TABLE "payment_allocations" ALTER COLUMN "id" SET DEFAULT uuid_v7();
