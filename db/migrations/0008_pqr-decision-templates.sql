-- PQR decision templates (issue 6), version 1 of each. A template is data: coordinators add new versions from
-- /gestion/plantillas and old decisions keep the version they were drafted from. Placeholders ({{nombre}}…) are the
-- ones app/pqr/decision-template.ts knows. The recursos are not in the body: each decision carries them as data and
-- the PDF prints them (CPACA art. 67).
insert into pqr_decision_templates (code, version, decision_type, title, body, legal_grounds) values
('accede', 1, 'accede', 'Accede a la solicitud',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su {{tipo}} radicada con el número {{radicado}} el {{fecha_radicacion}}, relacionada con «{{asunto}}», le informamos que, revisados los hechos y las pruebas del caso, la empresa ACCEDE a lo solicitado.

La empresa adelantará las actuaciones necesarias para dar cumplimiento a esta decisión.',
'Ley 142 de 1994, arts. 152 a 159; Ley 1437 de 2011 (CPACA), arts. 13 y siguientes, sustituidos por la Ley 1755 de 2015; contrato de condiciones uniformes de la empresa.'),
('accede_reclamo_credito', 1, 'accede', 'Accede al reclamo y ordena nota crédito',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su reclamo radicado con el número {{radicado}} el {{fecha_radicacion}} sobre la cuenta {{cuenta}} y la(s) factura(s) {{facturas}}, por valor en reclamo de {{valor_reclamado}}, le informamos que la empresa ACCEDE a su reclamo.

En consecuencia, se expide una nota crédito por {{valor_credito}} sobre la factura, que se reflejará en su estado de cuenta.',
'Ley 142 de 1994, arts. 146, 149, 154 y 155 (el valor en reclamo no se cobra mientras se decide); Ley 1437 de 2011 (CPACA); contrato de condiciones uniformes.'),
('accede_parcial_credito', 1, 'accede_parcialmente', 'Accede parcialmente y ordena nota crédito',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su reclamo radicado con el número {{radicado}} el {{fecha_radicacion}} sobre la cuenta {{cuenta}} y la(s) factura(s) {{facturas}}, por valor en reclamo de {{valor_reclamado}}, le informamos que, con base en la visita técnica y en el historial de consumos del predio, la empresa ACCEDE PARCIALMENTE a su reclamo.

Se reconoce a su favor la suma de {{valor_credito}}, que se aplica mediante nota crédito sobre la factura. El saldo del valor reclamado se mantiene por las razones expuestas en esta decisión.',
'Ley 142 de 1994, arts. 146 (medición del consumo), 149 (revisión de desviaciones), 154 y 155; Resolución CRA 151 de 2001, art. 1.3.20.6; Ley 1437 de 2011 (CPACA).'),
('no_accede', 1, 'no_accede', 'No accede a la solicitud',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su {{tipo}} radicada con el número {{radicado}} el {{fecha_radicacion}}, relacionada con «{{asunto}}», le informamos que, revisados los hechos, el historial de la cuenta y las pruebas practicadas, la empresa NO ACCEDE a lo solicitado, por las razones que se exponen a continuación.

[Explique aquí las razones de la decisión de manera clara, precisa y congruente con lo pedido.]',
'Ley 142 de 1994, arts. 152 a 159; Ley 1437 de 2011 (CPACA); contrato de condiciones uniformes de la empresa.'),
('rechaza_extemporaneo', 1, 'rechaza', 'Rechaza el reclamo por extemporáneo',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su reclamo radicado con el número {{radicado}} el {{fecha_radicacion}} sobre la(s) factura(s) {{facturas}}, le informamos que la empresa lo RECHAZA porque fue presentado cuando ya habían pasado más de cinco (5) meses desde la expedición de la factura reclamada.',
'Ley 142 de 1994, art. 154, inciso 3: no proceden reclamos contra facturas que tuviesen más de cinco (5) meses de haber sido expedidas por la empresa.'),
('traslada_competencia', 1, 'traslada_por_competencia', 'Traslado por competencia',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su {{tipo}} radicada con el número {{radicado}} el {{fecha_radicacion}}, relacionada con «{{asunto}}», le informamos que el asunto no es de competencia de la empresa. Por ello, su solicitud fue trasladada a la autoridad competente, [indique la entidad], a la que puede dirigirse para conocer su trámite.',
'Ley 1437 de 2011 (CPACA), art. 21, sustituido por la Ley 1755 de 2015: traslado al competente dentro de los cinco (5) días siguientes a la recepción.'),
('archiva_desistimiento', 1, 'archiva', 'Archiva por desistimiento',
'Señor(a) {{nombre}} ({{documento}}):

En atención a su {{tipo}} radicada con el número {{radicado}} el {{fecha_radicacion}}, le informamos que, como no completó la información que le fue requerida dentro del término legal, se entiende que desistió de su solicitud y se ordena su archivo, sin perjuicio de que pueda presentarla de nuevo.',
'Ley 1437 de 2011 (CPACA), art. 17, sustituido por la Ley 1755 de 2015 (peticiones incompletas y desistimiento tácito).')
on conflict (code, version) do nothing;
