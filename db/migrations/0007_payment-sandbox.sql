CREATE TABLE "sandbox_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"amount_in_cents" numeric(16, 0) NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"payment_method_type" text NOT NULL,
	"customer_email" text,
	"redirect_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	CONSTRAINT "sandbox_transactions_reference_unique" UNIQUE("reference"),
	CONSTRAINT "sandbox_transactions_status_check" CHECK ("sandbox_transactions"."status" in ('PENDING', 'APPROVED', 'DECLINED', 'VOIDED', 'ERROR'))
);
