-- PQR reference data (issue 6): request types with their SUI "tipo de trámite" codes (formats.md §4.3) and the
-- SUI "detalle de causal" catalogue for acueducto (formats.md §4.4). Data, not code: admins may deactivate rows.
-- Petición has no SUI code (the SUI Formato A reports reclamaciones, quejas, denuncias, recursos and information
-- requests). Reclamo and the recursos carry disputed amounts (Ley 142 arts. 154–155); recursos are filed through
-- the appeals issue.
insert into pqr_types (code, name, sui_code, is_billing_claim, is_recurso, sort_order) values
  ('peticion', 'Petición', null, false, false, 1),
  ('queja', 'Queja', '2', false, false, 2),
  ('reclamo', 'Reclamo', '1', true, false, 3),
  ('solicitud_informacion', 'Solicitud de información o de copias', '6', false, false, 4),
  ('denuncia', 'Denuncia', '3', false, false, 5),
  ('recurso_reposicion', 'Recurso de reposición', '4', true, true, 6),
  ('reposicion_apelacion', 'Recurso de reposición y en subsidio de apelación', '5', true, true, 7)
on conflict (code) do nothing;
--> statement-breakpoint
insert into pqr_causales (code, name, group_name, scope) values
  ('101', 'Inconformidad con el aforo', 'Facturación', 'facturacion'),
  ('102', 'Inconformidad con la medición del consumo facturado', 'Facturación', 'facturacion'),
  ('103', 'Cobros inoportunos', 'Facturación', 'facturacion'),
  ('105', 'Cobro por servicios no prestados', 'Facturación', 'facturacion'),
  ('106', 'Datos generales incorrectos en la factura', 'Facturación', 'facturacion'),
  ('107', 'Cobro múltiple y/o acumulado', 'Facturación', 'facturacion'),
  ('108', 'Entrega inoportuna o no entrega de la factura', 'Facturación', 'facturacion'),
  ('109', 'Cobros por conexión, reconexión o reinstalación', 'Facturación', 'facturacion'),
  ('110', 'Inconformidad con el cambio o cobro del medidor', 'Facturación', 'facturacion'),
  ('111', 'Intereses de mora, refinanciación, cartera o acuerdos de pago', 'Facturación', 'facturacion'),
  ('112', 'Subsidios y contribuciones', 'Facturación', 'facturacion'),
  ('113', 'Cobro de otros bienes o servicios no autorizados en la factura', 'Facturación', 'facturacion'),
  ('115', 'Incumplimiento o negación del acuerdo de suspensión', 'Facturación', 'facturacion'),
  ('117', 'Estrato incorrecto', 'Facturación', 'facturacion'),
  ('118', 'Clase de uso incorrecta', 'Facturación', 'facturacion'),
  ('119', 'Tarifa incorrecta', 'Facturación', 'facturacion'),
  ('120', 'Cobros por promedio', 'Facturación', 'facturacion'),
  ('121', 'Consumo registrado por medidor de otro predio', 'Facturación', 'facturacion'),
  ('122', 'Pago efectuado no aplicado', 'Facturación', 'facturacion'),
  ('123', 'Solicitud de rompimiento de solidaridad', 'Facturación', 'facturacion'),
  ('124', 'Cobro de revisiones', 'Facturación', 'facturacion'),
  ('127', 'Desviación significativa del consumo', 'Facturación', 'facturacion'),
  ('129', 'Cobro por recuperación de consumos', 'Facturación', 'facturacion'),
  ('131', 'Inconformidad por la normalización del servicio', 'Facturación', 'facturacion'),
  ('133', 'Cobro por reconexión no autorizada', 'Facturación', 'facturacion'),
  -- formats.md §4.4 notes the source stored 301 with group F ("looks inconsistent, verify"); it is a 3xx
  -- service matter (the subscriber's request to suspend), so it sits with prestación here.
  ('301', 'Negación de la solicitud de suspensión', 'Prestación', 'prestacion'),
  ('303', 'Interrupciones en la prestación del servicio', 'Prestación', 'prestacion'),
  ('304', 'Variaciones en las características del suministro (presión, calidad)', 'Prestación', 'prestacion'),
  ('306', 'No atención de condiciones de seguridad o riesgo', 'Prestación', 'prestacion'),
  ('308', 'Terminación del contrato', 'Prestación', 'prestacion'),
  ('309', 'Suspensión o corte sin previo aviso o sin causa', 'Prestación', 'prestacion'),
  ('312', 'Servicio sin contrato de condiciones uniformes formalizado', 'Prestación', 'prestacion'),
  ('314', 'Afectación ambiental', 'Prestación', 'prestacion'),
  ('315', 'Quejas administrativas (atención, trámites, gestión)', 'Prestación', 'prestacion'),
  ('316', 'Estado de la infraestructura', 'Prestación', 'prestacion'),
  ('401', 'Fallas en la conexión', 'Prestación', 'prestacion'),
  ('402', 'No conexión', 'Prestación', 'prestacion'),
  -- Not a SUI code: peticiones and information requests that fit no causal of the Anexo.
  ('OTROS', 'Otros asuntos (peticiones generales e información)', 'Otros', 'otros')
on conflict (code) do nothing;
