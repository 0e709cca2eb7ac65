/**
 * The presenter's side of the audience window: opens it (on another screen when the Window
 * Management API is already allowed, else a plain window the presenter drags), keeps its session in
 * this tab's sessionStorage so a reload finds its audience again (another tab has another session),
 * posts the workspace and `view` on every change through the audience channel, and tells whether an
 * audience is open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { audienceUrl, isSessionId, newSessionId, openPresenterChannel, type AudienceViewState, type PresenterChannel } from '../../io/audienceChannel';
import { useSlidecast } from '../../state/store';

const SESSION_KEY = 'slidecast-audience-session';
const WINDOW_NAME = 'slidecast-audience';

function storedSession(): string | undefined {
  try {
    const session = sessionStorage.getItem(SESSION_KEY);
    return isSessionId(session) ? session : undefined;
  } catch {
    return undefined;
  }
}

interface ScreenLike {
  availLeft: number;
  availTop: number;
  availWidth: number;
  availHeight: number;
}

/** Window features that put the audience on a screen other than this one, when already allowed. */
export async function otherScreenFeatures(): Promise<string> {
  try {
    const permission = await navigator.permissions.query({ name: 'window-management' as PermissionName });
    const details = (window as unknown as { getScreenDetails?: () => Promise<{ screens: ScreenLike[]; currentScreen: ScreenLike }> }).getScreenDetails;
    if (permission.state !== 'granted' || !details) return 'popup,width=1280,height=720';
    const { screens, currentScreen } = await details.call(window);
    const other = screens.find((screen) => screen !== currentScreen);
    if (!other) return 'popup,width=1280,height=720';
    return `popup,left=${other.availLeft},top=${other.availTop},width=${other.availWidth},height=${other.availHeight}`;
  } catch {
    return 'popup,width=1280,height=720';
  }
}

export function useAudienceWindow(view: AudienceViewState): { audienceOpen: boolean; openAudience: () => void } {
  const [session, setSession] = useState(storedSession);
  const [audienceOpen, setAudienceOpen] = useState(false);
  const channel = useRef<PresenterChannel | undefined>(undefined);
  const viewRef = useRef(view);

  useEffect(() => {
    if (!session) return;
    const opened = openPresenterChannel(session, setAudienceOpen);
    channel.current = opened;
    opened.publish(useSlidecast.getState().workspace, viewRef.current);
    const unsubscribe = useSlidecast.subscribe((state, previous) => {
      if (state.workspace !== previous.workspace) opened.publish(state.workspace, viewRef.current);
    });
    const onPageHide = () => opened.close();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      unsubscribe();
      opened.close();
      channel.current = undefined;
      setAudienceOpen(false);
    };
  }, [session]);

  useEffect(() => {
    viewRef.current = view;
    channel.current?.publish(useSlidecast.getState().workspace, view);
  }, [view]);

  const openAudience = useCallback(() => {
    const id = session ?? newSessionId();
    try {
      sessionStorage.setItem(SESSION_KEY, id);
    } catch {
      // No sessionStorage: the audience still follows, until this tab reloads.
    }
    setSession(id);
    const url = audienceUrl(window.location.href, id);
    void otherScreenFeatures().then((features) => window.open(url, WINDOW_NAME, features));
  }, [session]);

  return { audienceOpen, openAudience };
}
