import './skeleton.css';

/** Placeholder while a view's code loads; sized like content so nothing jumps when it arrives. */
export function ViewSkeleton() {
  return (
    <div className="view-skeleton" aria-busy="true" aria-label="Loading">
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--line skeleton--short" />
    </div>
  );
}
