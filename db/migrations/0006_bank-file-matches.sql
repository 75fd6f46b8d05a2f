CREATE TABLE "bank_file_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_file_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"payment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_file_matches" ADD CONSTRAINT "bank_file_matches_bank_file_id_bank_files_id_fk" FOREIGN KEY ("bank_file_id") REFERENCES "public"."bank_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_file_matches" ADD CONSTRAINT "bank_file_matches_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_file_matches_line_key" ON "bank_file_matches" USING btree ("bank_file_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_file_matches_payment_key" ON "bank_file_matches" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unidentified_payments_file_line_key" ON "unidentified_payments" USING btree ("bank_file_id","line_no");