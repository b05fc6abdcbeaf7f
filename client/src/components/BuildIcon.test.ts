import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../gql';
import { buildCardData } from '../test-utils/fixtures';
import BuildIcon, { BuildIconFragment, buildSpec } from './BuildIcon.vue';

const build = (data: ReturnType<typeof buildCardData>) => makeFragmentData(data, BuildIconFragment);

// The render service's icons by default; `none` shows letter tiles, labelled for screen readers.
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('BuildIcon', () => {
  it("shows the elite specialization's icon", () => {
    const wrapper = mount(BuildIcon, { props: { build: build(buildCardData('b1', 'Quick FB')) } });
    const icon = wrapper.get('img');
    expect(icon.attributes('alt')).toBe('Dragonhunter');
    expect(icon.attributes('src')).toBe('https://render.guildwars2.com/file/27.png');
    expect(icon.classes()).toContain('gw2-icon--medium');
  });

  it("shows the profession's icon for a core build, at the size asked", () => {
    const core = buildCardData('b2', 'Core', {
      specializations: buildCardData('b2', 'Core').specializations.slice(0, 2),
    });
    vi.stubEnv('VITE_ICON_ORIGINS', 'none');
    const wrapper = mount(BuildIcon, { props: { build: build(core), size: 'large' } });
    const icon = wrapper.get('[role="img"]');
    expect(icon.attributes('aria-label')).toBe('Guardian');
    expect(icon.text()).toBe('G');
    expect(icon.classes()).toContain('gw2-icon--large');
  });

  it('stands in for a hidden build', () => {
    const wrapper = mount(BuildIcon, { props: { build: null } });
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe('Hidden build');
  });

  it('reads the profession and the elite line for headings', () => {
    const spec = buildSpec(build(buildCardData('b1', 'Quick FB')));
    expect(spec.profession.name).toBe('Guardian');
    expect(spec.elite?.name).toBe('Dragonhunter');
  });
});
