-- Approved tariff versions are immutable (issue 3 item 1): once approved, a version and its rates, charges and
-- factors cannot change or disappear. The only change allowed is approved → superseded when a later version is
-- approved (the row stays in force for its own dates).
create or replace function tariff_version_guard() returns trigger language plpgsql as $$
begin
  if old.status = 'draft' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'UPDATE' and old.status = 'approved' and new.status = 'superseded'
     and (to_jsonb(new) - 'status') = (to_jsonb(old) - 'status') then
    return new;
  end if;
  raise exception 'La versión de tarifas % está aprobada y no se puede modificar', old.id using errcode = '42501';
end;
$$;
--> statement-breakpoint
create trigger tariff_versions_immutable before update or delete on tariff_versions
  for each row execute function tariff_version_guard();
--> statement-breakpoint
create or replace function tariff_child_guard() returns trigger language plpgsql as $$
declare
  v_status tariff_status;
begin
  select status into v_status from tariff_versions
   where id = case when tg_op = 'DELETE' then old.version_id else new.version_id end;
  if v_status is not null and v_status <> 'draft' then
    raise exception 'La versión de tarifas está aprobada: sus valores no se pueden modificar' using errcode = '42501';
  end if;
  if tg_op = 'UPDATE' and new.version_id <> old.version_id then
    select status into v_status from tariff_versions where id = old.version_id;
    if v_status <> 'draft' then
      raise exception 'La versión de tarifas está aprobada: sus valores no se pueden modificar' using errcode = '42501';
    end if;
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end;
$$;
--> statement-breakpoint
create trigger tariff_metered_rates_immutable before insert or update or delete on tariff_metered_rates
  for each row execute function tariff_child_guard();
--> statement-breakpoint
create trigger tariff_waste_charges_immutable before insert or update or delete on tariff_waste_charges
  for each row execute function tariff_child_guard();
--> statement-breakpoint
create trigger tariff_solidarity_factors_immutable before insert or update or delete on tariff_solidarity_factors
  for each row execute function tariff_child_guard();
--> statement-breakpoint
create trigger tariff_other_charges_immutable before insert or update or delete on tariff_other_charges
  for each row execute function tariff_child_guard();
