// @vitest-environment jsdom
/**
 * Where the audience window opens: on a screen other than the presenter's when the Window
 * Management API is already allowed (never asked for: the prompt would cost the click its popup
 * permission), else as a plain 1280×720 popup the presenter drags to the projector.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { otherScreenFeatures } from '../../../src/ui/present/useAudienceWindow';

const PLAIN = 'popup,width=1280,height=720';
const laptop = { availLeft: 0, availTop: 0, availWidth: 1440, availHeight: 860 };
const projector = { availLeft: 1440, availTop: 0, availWidth: 1920, availHeight: 1080 };

function fakeWindowManagement(state: PermissionState, screens: (typeof laptop)[] | Error) {
  const query = vi.fn(async () => ({ state }) as PermissionStatus);
  vi.stubGlobal('navigator', { ...navigator, permissions: { query } });
  const getScreenDetails = vi.fn(async () => {
    if (screens instanceof Error) throw screens;
    return { screens, currentScreen: screens[0]! };
  });
  Object.defineProperty(window, 'getScreenDetails', { value: getScreenDetails, configurable: true });
  return { query, getScreenDetails };
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (window as { getScreenDetails?: unknown }).getScreenDetails;
});

describe('the audience window’s placement', () => {
  it('fills the other screen when window management is allowed', async () => {
    const { query } = fakeWindowManagement('granted', [laptop, projector]);
    expect(await otherScreenFeatures()).toBe('popup,left=1440,top=0,width=1920,height=1080');
    expect(query).toHaveBeenCalledWith({ name: 'window-management' });
  });

  it('opens a plain popup with one screen, without permission (never prompting), or when the API fails', async () => {
    expect(await (fakeWindowManagement('granted', [laptop]), otherScreenFeatures())).toBe(PLAIN);
    const prompt = fakeWindowManagement('prompt', [laptop, projector]);
    expect(await otherScreenFeatures()).toBe(PLAIN);
    expect(prompt.getScreenDetails).not.toHaveBeenCalled();
    expect(await (fakeWindowManagement('denied', [laptop, projector]), otherScreenFeatures())).toBe(PLAIN);
    expect(await (fakeWindowManagement('granted', new DOMException('no', 'NotAllowedError')), otherScreenFeatures())).toBe(PLAIN);
    vi.stubGlobal('navigator', { ...navigator, permissions: { query: () => Promise.reject(new TypeError('unknown permission')) } });
    expect(await otherScreenFeatures()).toBe(PLAIN);
  });
});
