CREATE INDEX "dispute_holds_entry_idx" ON "dispute_holds" USING btree ("ledger_entry_id") WHERE "dispute_holds"."ledger_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "dispute_holds_invoice_idx" ON "dispute_holds" USING btree ("invoice_id") WHERE "dispute_holds"."invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "invoice_lines_ledger_entry_idx" ON "invoice_lines" USING btree ("ledger_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_note_invoice_idx" ON "ledger_entries" USING btree ("note_of_invoice_id") WHERE "ledger_entries"."note_of_invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "pending_charges_invoice_idx" ON "pending_charges" USING btree ("invoice_id") WHERE "pending_charges"."invoice_id" is not null;