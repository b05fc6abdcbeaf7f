import { ApolloError } from '@apollo/client/core';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import PagedList from './PagedList.vue';

const page = (hasNextPage: boolean) => ({ items: ['Anna', 'Bert'], pageInfo: { hasNextPage } });

function mountList(props: Record<string, unknown>) {
  return mount(PagedList, {
    props: {
      connection: null,
      loading: false,
      error: null,
      loadingText: 'Loading teams…',
      errorTitle: 'Could not load teams',
      ...props,
    },
    global: { stubs: { RouterLink: RouterLinkStub } },
    slots: {
      // The slot is typed by the generic's bound; these pages carry items.
      default: ({ connection }: { connection: { pageInfo: { hasNextPage: boolean } } }) =>
        h(
          'ul',
          (connection as ReturnType<typeof page>).items.map((item) => h('li', item)),
        ),
    },
  });
}

describe('PagedList', () => {
  it('says it is loading until the first page arrives', () => {
    const wrapper = mountList({ loading: true });
    expect(wrapper.get('[role="status"]').text()).toBe('Loading teams…');
    expect(wrapper.find('ul').exists()).toBe(false);
  });

  it('shows the error with a retry', async () => {
    const wrapper = mountList({ error: new ApolloError({ errorMessage: 'Network down' }) });
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Could not load teams');
    expect(alert.text()).toContain('Network down');
    await alert.get('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('hands the page to its slot, keeps it while refreshing, and loads more', async () => {
    const wrapper = mountList({ connection: page(true), loading: true });
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['Anna', 'Bert']);
    const button = wrapper.get('button');
    expect(button.text()).toBe('Load more');
    expect(button.attributes('disabled')).toBeUndefined();
    await button.trigger('click');
    expect(wrapper.emitted('loadMore')).toHaveLength(1);

    await wrapper.setProps({ loadingMore: true });
    expect(wrapper.get('button').text()).toBe('Loading…');
    expect(wrapper.get('button').attributes('disabled')).toBeDefined();
  });

  it('offers no button on the last page', () => {
    const wrapper = mountList({ connection: page(false) });
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
