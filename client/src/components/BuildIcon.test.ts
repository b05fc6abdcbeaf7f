import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../gql';
import { buildCardData } from '../test-utils/fixtures';
import BuildIcon, { BuildIconFragment, buildSpec } from './BuildIcon.vue';

const build = (data: ReturnType<typeof buildCardData>) => makeFragmentData(data, BuildIconFragment);

// Rendered without VITE_ICON_ORIGINS, so the icon shows as initials with a label.
describe('BuildIcon', () => {
  it("shows the elite specialization's icon", () => {
    const wrapper = mount(BuildIcon, { props: { build: build(buildCardData('b1', 'Quick FB')) } });
    const icon = wrapper.get('[role="img"]');
    expect(icon.attributes('aria-label')).toBe('Dragonhunter');
    expect(icon.classes()).toContain('gw2-icon--medium');
  });

  it("shows the profession's icon for a core build, at the size asked", () => {
    const core = buildCardData('b2', 'Core', {
      specializations: buildCardData('b2', 'Core').specializations.slice(0, 2),
    });
    const wrapper = mount(BuildIcon, { props: { build: build(core), size: 'large' } });
    const icon = wrapper.get('[role="img"]');
    expect(icon.attributes('aria-label')).toBe('Guardian');
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
