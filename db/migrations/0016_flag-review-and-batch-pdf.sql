ALTER TABLE "invoice_delivery_batches" ADD COLUMN "pdf_job_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD COLUMN "pdf_file_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "flag_reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "flag_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "flag_review_note" text;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD CONSTRAINT "invoice_delivery_batches_pdf_job_id_jobs_id_fk" FOREIGN KEY ("pdf_job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD CONSTRAINT "invoice_delivery_batches_pdf_file_id_stored_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_flag_reviewed_by_users_id_fk" FOREIGN KEY ("flag_reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_attempts_flagged_idx" ON "payment_attempts" USING btree ("flagged_at") WHERE "payment_attempts"."flagged_reason" is not null;--> statement-breakpoint
-- Attempts flagged before flagged_at existed: the flag was their last update.
UPDATE "payment_attempts" SET "flagged_at" = "updated_at" WHERE "flagged_reason" IS NOT NULL AND "flagged_at" IS NULL;