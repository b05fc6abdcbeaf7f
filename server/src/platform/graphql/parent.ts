import { createParameterDecorator } from 'type-graphql';

/**
 * The object a field resolver belongs to, exactly as its parent resolver returned it. Use it
 * instead of type-graphql's `@Root()`: when the declared type is a class, `@Root()` copies the
 * object into a new instance with `Object.assign`, which reads every property, so lazily computed
 * fields (a build's inferred roles, boons, specializations) were all computed for each row of a
 * page that selected none of them, and every field resolver call allocated a copy.
 */
export function Parent(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(({ root }) => root as unknown);
}
