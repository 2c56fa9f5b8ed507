import { create } from 'zustand';

export type Route =
  | { readonly name: 'start' }
  | { readonly name: 'new-assessment' }
  | { readonly name: 'workspace'; readonly assessmentId: string; readonly claimId: string | null }
  | { readonly name: 'dashboard'; readonly assessmentId: string }
  | { readonly name: 'library' }
  | { readonly name: 'sign'; readonly assessmentId: string }
  | { readonly name: 'contributions'; readonly assessmentId: string }
  | { readonly name: 'import' }
  | { readonly name: 'contribute' }
  | { readonly name: 'compare' }
  | { readonly name: 'settings' };

interface NavigationState {
  readonly route: Route;
  /** The assessment last worked on, so its screens stay one click away from anywhere. */
  readonly currentAssessmentId: string | null;
  readonly go: (route: Route) => void;
  readonly forgetAssessment: () => void;
}

/** Which screen is showing. One value, so every screen change is one dispatch. */
export const useNavigation = create<NavigationState>((set, get) => ({
  route: { name: 'start' },
  currentAssessmentId: null,
  go: (route) => set({ route, currentAssessmentId: routeAssessmentId(route) ?? get().currentAssessmentId }),
  forgetAssessment: () => set({ currentAssessmentId: null, route: { name: 'start' } }),
}));

/** The assessment the current screen is about, if any. */
export function routeAssessmentId(route: Route): string | null {
  return 'assessmentId' in route ? route.assessmentId : null;
}
