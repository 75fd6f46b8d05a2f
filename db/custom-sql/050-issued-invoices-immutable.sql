-- Issued invoices are immutable (DESIGN.md): corrections are credit or debit notes linked to the invoice.
CREATE OR REPLACE FUNCTION refuse_issued_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'la factura % ya fue expedida y no se puede modificar; use una nota crédito o débito', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change();
--> statement-breakpoint
-- Lines are written together with their draft invoice, so only updates and deletes are checked (a row trigger on
-- the bulk insert of a 100,000-invoice liquidation would cost seconds).
CREATE OR REPLACE FUNCTION refuse_issued_invoice_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoices WHERE id = OLD.invoice_id AND status = 'issued') THEN
    RAISE EXCEPTION 'las líneas de la factura % ya expedida no se pueden modificar', OLD.invoice_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_immutable BEFORE UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_line_change();
