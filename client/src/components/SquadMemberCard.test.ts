import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../gql';
import { SquadMemberCard_MemberFragmentDoc } from '../gql/graphql';
import { memberData, routerAt } from '../test-utils/fixtures';
import SquadMemberCard from './SquadMemberCard.vue';

async function mountCard(overrides: Record<string, unknown>) {
  const member = {
    ...memberData({ id: 'm1', label: 'Bers', subgroup: 1, position: 1 }),
    ...overrides,
  };
  return mount(SquadMemberCard, {
    props: { member: makeFragmentData(member, SquadMemberCard_MemberFragmentDoc) },
    global: { plugins: [await routerAt('/')] },
  });
}

describe('SquadMemberCard', () => {
  it('says "Damage" once for a WvW Berserker (role Damage, providing DAMAGE)', async () => {
    const card = await mountCard({
      provides: ['DAMAGE'],
      role: { key: 'dps', label: 'Damage' },
    });
    expect(card.text().match(/Damage/g)).toHaveLength(1);
    expect(card.get('[data-testid="member-role"]').text()).toBe('Role: Damage');
    expect(card.find('[data-testid="member-support"]').exists()).toBe(false);
  });

  it("shows the role's boons apart from its other support", async () => {
    const card = await mountCard({
      provides: ['HEALING', 'QUICKNESS', 'MIGHT'],
      role: { key: 'heal-quickness', label: 'Heal quickness' },
    });
    expect(card.get('[data-testid="member-boons"]').text()).toBe('Boons: Quickness, Might');
    expect(card.get('[data-testid="member-support"]').text()).toBe('Also: Healing');
  });
});
