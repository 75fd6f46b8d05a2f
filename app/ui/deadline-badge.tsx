/** Days left to a legal deadline, in business days, as a badge with words (not colour alone) for every state. */
export function DeadlineBadge({
  businessDaysLeft,
  atRiskDays = 3,
}: {
  businessDaysLeft: number
  atRiskDays?: number
}) {
  if (businessDaysLeft < 0) {
    const n = -businessDaysLeft
    return (
      <span className="badge badge-danger">
        Vencido hace {n} {n === 1 ? 'día hábil' : 'días hábiles'}
      </span>
    )
  }
  if (businessDaysLeft === 0) return <span className="badge badge-danger">Vence hoy</span>
  const text = `${businessDaysLeft} ${businessDaysLeft === 1 ? 'día hábil' : 'días hábiles'}`
  return (
    <span className={businessDaysLeft <= atRiskDays ? 'badge badge-danger' : 'badge badge-ok'}>{text}</span>
  )
}
