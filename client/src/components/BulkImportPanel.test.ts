import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ImportBuildsDocument } from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import { DRAGONHUNTER_CODE, routerAt } from '../test-utils/fixtures';
import BulkImportPanel from './BulkImportPanel.vue';

const BROKEN = '[&DQnope]';

describe('BulkImportPanel', () => {
  it('sends one code per line and shows what happened to each line', async () => {
    const answer = vi.fn(() => ({
      data: {
        importBuilds: {
          __typename: 'ImportBuildsPayload' as const,
          created: 1,
          failed: 1,
          results: [
            {
              __typename: 'ImportBuildResult' as const,
              index: 0,
              chatCode: DRAGONHUNTER_CODE,
              build: { __typename: 'Build' as const, id: 'b9', name: 'Dragonhunter build' },
              error: null,
            },
            {
              __typename: 'ImportBuildResult' as const,
              index: 1,
              chatCode: BROKEN,
              build: null,
              error: {
                __typename: 'ImportBuildError' as const,
                message: 'This is not a build chat code',
              },
            },
          ],
        },
      },
    }));
    const apollo = createMockApollo([
      {
        request: {
          query: ImportBuildsDocument,
          variables: { codes: [DRAGONHUNTER_CODE, BROKEN], visibility: 'PUBLIC' },
        },
        result: answer,
      },
    ]);
    const router = await routerAt('/builds');
    const wrapper = mount(BulkImportPanel, { global: { ...apollo.global, plugins: [router] } });

    // A guide's line with text around the code, a blank line, then a broken code.
    await wrapper.get('textarea').setValue(`Power DH: ${DRAGONHUNTER_CODE}\n\n  ${BROKEN}  `);
    await wrapper.get('select').setValue('PUBLIC');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Import 2 codes');
    await wrapper.get('form').trigger('submit');

    await vi.waitFor(() => expect(answer).toHaveBeenCalledTimes(1));
    await vi.waitFor(() =>
      expect(wrapper.get('[role="status"]').text()).toBe(
        '1 saved, 1 refused (left in the box to fix).',
      ),
    );
    const lines = wrapper.findAll('ol li');
    expect(lines.map((line) => line.attributes('data-outcome'))).toEqual(['saved', 'refused']);
    expect(lines[0]?.text()).toBe('Line 1 saved as Dragonhunter build');
    expect(lines[0]?.get('a').attributes('href')).toBe('/builds/b9');
    expect(lines[1]?.text()).toContain('refused: This is not a build chat code');
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe(BROKEN);
    expect(wrapper.emitted('imported')).toHaveLength(1);
    wrapper.unmount();
  });

  it('refuses more than 50 codes before asking the server', async () => {
    const apollo = createMockApollo([]);
    const router = await routerAt('/builds');
    const wrapper = mount(BulkImportPanel, { global: { ...apollo.global, plugins: [router] } });
    await wrapper.get('textarea').setValue(Array(51).fill(DRAGONHUNTER_CODE).join('\n'));
    expect(wrapper.text()).toContain('That is more than 50: split them.');
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });
});
