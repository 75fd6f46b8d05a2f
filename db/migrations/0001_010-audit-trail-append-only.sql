-- The audit trail is append-only: no UPDATE or DELETE, whoever asks (DESIGN.md, issue 2 item 4).
-- Tampering needs a superuser who disables this trigger, and the hash chains (npm run trail:verify) reveal it.
create or replace function audit_trail_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_trail es de solo anexión: % no está permitido', tg_op using errcode = '42501';
end;
$$;
--> statement-breakpoint
create trigger audit_trail_append_only before update or delete on audit_trail
  for each row execute function audit_trail_forbid_change();
