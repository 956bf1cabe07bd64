// localStorage for zustand's persist that never throws: storage may be disabled, full or hold garbage.
import { createJSONStorage, type StateStorage } from 'zustand/middleware';

const guardedLocalStorage: StateStorage = {
  getItem: (name) => {
    try {
      const raw = window.localStorage.getItem(name);
      if (raw === null) return null;
      JSON.parse(raw); // corrupted JSON reads as "nothing stored", so defaults apply
      return raw;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      window.localStorage.setItem(name, value);
    } catch {
      // Quota exceeded or storage disabled: keep working for this visit without saving.
    }
  },
  removeItem: (name) => {
    try {
      window.localStorage.removeItem(name);
    } catch {
      // ignore
    }
  },
};

export const safeJsonStorage = createJSONStorage(() => guardedLocalStorage);
