import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AuthFormCard from './AuthFormCard.vue';

const props = {
  title: 'Sign in',
  titleId: 'sign-in-title',
  submitLabel: 'Sign in',
  pendingLabel: 'Signing in…',
  pending: false,
  error: null,
  errorTestId: 'sign-in-error',
};

describe('AuthFormCard', () => {
  it('labels the section by its heading, shows the fields and submits', async () => {
    const wrapper = mount(AuthFormCard, {
      props,
      slots: { default: '<label>Login <input name="login" /></label>', footer: '<p>Footer</p>' },
    });
    const section = wrapper.get('section');
    expect(section.attributes('aria-labelledby')).toBe('sign-in-title');
    expect(wrapper.get('h1').attributes('id')).toBe('sign-in-title');
    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(wrapper.find('form input[name="login"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Footer');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('submit')).toHaveLength(1);
  });

  it('shows the error as an alert and disables the button while pending', async () => {
    const wrapper = mount(AuthFormCard, { props: { ...props, error: 'Wrong password.' } });
    const alert = wrapper.get('[data-testid="sign-in-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('Wrong password.');
    expect(wrapper.get('button').text()).toBe('Sign in');

    await wrapper.setProps({ pending: true });
    expect(wrapper.get('button').attributes('disabled')).toBeDefined();
    expect(wrapper.get('button').text()).toBe('Signing in…');
  });
});
