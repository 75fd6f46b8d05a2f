CREATE TABLE "open_invoices" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_invoices" ADD CONSTRAINT "open_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_invoices" ADD CONSTRAINT "open_invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open_invoices_account_idx" ON "open_invoices" USING btree ("account_id");--> statement-breakpoint
-- Backfill: every issued invoice not marked settled (settled_invoices is dropped by the next migration).
INSERT INTO "open_invoices" ("invoice_id", "account_id")
SELECT i."id", i."account_id" FROM "invoices" i
 WHERE i."status" = 'issued' AND NOT EXISTS (SELECT 1 FROM "settled_invoices" s WHERE s."invoice_id" = i."id");--> statement-breakpoint
-- An invoice is open from the moment it is issued, whichever path issues it (app/billing/ledger/allocate.server.ts
-- reads only open invoices, so one missed here would never be paid). Issuing a liquidation is one UPDATE of every
-- invoice of the run: a statement trigger inserts them in one go from its transition table. An invoice inserted
-- already issued (test fixtures) is caught by a row trigger whose WHEN skips drafts, so the liquidation's COPY of
-- 100,000 drafts pays only that check. ENABLE ALWAYS: bulk sessions with session_replication_role = replica too.
CREATE OR REPLACE FUNCTION open_issued_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_invoices (invoice_id, account_id)
  SELECT id, account_id FROM issued_rows WHERE status = 'issued'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION open_issued_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_invoices (invoice_id, account_id) VALUES (NEW.id, NEW.account_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER invoices_open_on_update AFTER UPDATE ON invoices
  REFERENCING NEW TABLE AS issued_rows FOR EACH STATEMENT EXECUTE FUNCTION open_issued_invoices();--> statement-breakpoint
CREATE TRIGGER invoices_open_on_insert AFTER INSERT ON invoices
  FOR EACH ROW WHEN (NEW.status = 'issued') EXECUTE FUNCTION open_issued_invoice();--> statement-breakpoint
ALTER TABLE invoices ENABLE ALWAYS TRIGGER invoices_open_on_update;--> statement-breakpoint
ALTER TABLE invoices ENABLE ALWAYS TRIGGER invoices_open_on_insert;
