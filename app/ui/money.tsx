import { formatCOP } from '~/utils/format'

/** An amount in pesos: the loader sends a decimal string, this shows `$ 1.234.567`. */
export function Money({ value, className }: { value: string; className?: string }) {
  return <span className={['money', className].filter(Boolean).join(' ')}>{formatCOP(value)}</span>
}
