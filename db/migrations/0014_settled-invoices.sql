CREATE TABLE "settled_invoices" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"settled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "fully_allocated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "settled_invoices" ADD CONSTRAINT "settled_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settled_invoices" ADD CONSTRAINT "settled_invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_unlinked_idx" ON "ledger_entries" USING btree ("account_id") WHERE "ledger_entries"."invoice_id" is null and "ledger_entries"."note_of_invoice_id" is null and "ledger_entries"."kind" not in ('payment', 'reversal');--> statement-breakpoint
CREATE INDEX "payments_open_idx" ON "payments" USING btree ("account_id") WHERE "payments"."status" = 'applied' and not "payments"."fully_allocated";--> statement-breakpoint
-- Backfill: payments already fully allocated, and issued invoices already covered (app/billing/ledger/allocate.server.ts).
UPDATE "payments" p SET "fully_allocated" = true
 WHERE p."status" = 'applied'
   AND p."amount" <= (SELECT coalesce(sum(a."amount"), 0) FROM "payment_allocations" a WHERE a."payment_id" = p."id");--> statement-breakpoint
INSERT INTO "settled_invoices" ("invoice_id", "account_id")
SELECT i."id", i."account_id" FROM "invoices" i
 WHERE i."status" = 'issued'
   AND (SELECT coalesce(sum(e."amount"), 0) FROM "ledger_entries" e WHERE e."invoice_id" = i."id")
     + (SELECT coalesce(sum(e."amount"), 0) FROM "ledger_entries" e WHERE e."note_of_invoice_id" = i."id" AND e."invoice_id" IS NULL)
     - (SELECT coalesce(sum(a."amount"), 0) FROM "payment_allocations" a
          JOIN "payments" p ON p."id" = a."payment_id" AND p."status" = 'applied'
          JOIN "ledger_entries" e ON e."id" = a."ledger_entry_id"
         WHERE e."invoice_id" = i."id" OR e."note_of_invoice_id" = i."id") <= 0;
