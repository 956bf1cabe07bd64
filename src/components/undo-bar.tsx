// "Marked 40 stories as read. Undo": one bar at the bottom of the screen for the last undoable action of a view.
// A new action replaces the offer; it stays until the reader dismisses it or leaves the view.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import './undo-bar.css';

interface Offer {
  message: string;
  undo: () => void;
}

type OfferUndo = (message: string, undo: () => void) => void;

const UndoContext = createContext<OfferUndo>(() => {});

/** Offers an Undo for what was just done (a no-op outside an UndoProvider). */
export function useOfferUndo(): OfferUndo {
  return useContext(UndoContext);
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  // Focus goes back where it was when the bar took it (after Undo or Dismiss).
  const returnFocus = useRef<HTMLElement | null>(null);
  const offerUndo = useCallback<OfferUndo>((message, undo) => setOffer({ message, undo }), []);
  const close = () => {
    setOffer(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  };
  const value = useMemo(() => offerUndo, [offerUndo]);
  return (
    <UndoContext.Provider value={value}>
      {children}
      {/* Always in the page, so screen readers announce what arrives in it. */}
      <div className="undo-bar" role="status">
        {offer && (
          <div
            className="undo-bar__box"
            onFocus={(event) => {
              if (!returnFocus.current && event.relatedTarget instanceof HTMLElement)
                returnFocus.current = event.relatedTarget;
            }}
          >
            <span>{offer.message}</span>
            <Button
              variant="quiet"
              onClick={() => {
                offer.undo();
                close();
              }}
            >
              Undo
            </Button>
            <Button variant="link" onClick={close} aria-label="Dismiss">
              ×
            </Button>
          </div>
        )}
      </div>
    </UndoContext.Provider>
  );
}
