import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { AddOnId, Deliverable } from '@/lib/metrics';
import { DEFAULT_LAYOUT, type Layout } from '@/lib/settings/layout';

export type TabView = ResponseOf<'creator/for-tab'>;

/** The sidebar's UI state: what the background last said and what the user toggled. No truth. */
export interface SidebarState {
  view: TabView | null;
  /** The background's last answer was an error (shown with Retry). */
  error: string | null;
  /** A Retry is in flight. */
  retrying: boolean;
  /** The last Retry of a failed page read could not start (the page did not answer). */
  retryError: string | null;
  saveError: string | null;
  saving: boolean;
  savedTo: string | null;
  layout: Layout;
  /** Storing the layout failed: said, and the card stays as it was. */
  layoutError: string | null;
  /** The site the user just hid Scout on; the content script removes the frame. */
  hiddenOn: string | null;
  /** The card's "Details" disclosure. */
  detailsOpen: boolean;
  /** Add-ons ticked in the rate card. */
  addOns: AddOnId[];
  /** The deliverable the add-on total is for; null means the platform's main one. */
  quoteFor: Deliverable | null;
  set(partial: Partial<Omit<SidebarState, 'set' | 'toggleAddOn'>>): void;
  toggleAddOn(id: AddOnId): void;
}

/** UI state only, one store per React root. */
export const createSidebarStore = (layout: Layout = DEFAULT_LAYOUT) =>
  createStore<SidebarState>((set) => ({
    view: null,
    error: null,
    retrying: false,
    retryError: null,
    saveError: null,
    saving: false,
    savedTo: null,
    layout,
    layoutError: null,
    hiddenOn: null,
    detailsOpen: false,
    addOns: [],
    quoteFor: null,
    set: (partial) => set(partial),
    toggleAddOn: (id) =>
      set((s) => ({
        addOns: s.addOns.includes(id) ? s.addOns.filter((a) => a !== id) : [...s.addOns, id],
      })),
  }));

export type SidebarStore = StoreApi<SidebarState>;

export const SidebarStoreContext = createContext<SidebarStore | null>(null);

/** A slice of the sidebar's store, from the nearest SidebarStoreContext. */
export function useSidebar<T>(selector: (state: SidebarState) => T): T {
  const store = useContext(SidebarStoreContext);
  if (!store) throw new Error('useSidebar needs a SidebarStoreContext');
  return useStore(store, selector);
}
