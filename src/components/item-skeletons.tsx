import './skeleton.css';

/** Grey placeholder items shaped like news items, so the list does not jump when the real ones arrive. */
export function ItemSkeletons({ count, itemClassName }: { count: number; itemClassName: string }) {
  return Array.from({ length: count }, (_, i) => (
    <div key={i} className={itemClassName}>
      <div className="skeleton skeleton--meta" />
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--line skeleton--short" />
    </div>
  ));
}
