// `example:calculator/math`, implemented in JavaScript and componentized with componentize-js.
export const math = {
  add(a, b) {
    // s32 arithmetic wraps, as it would in any other language the interface is implemented in.
    return (a + b) | 0;
  },
  greet(name) {
    return `Hello, ${name}!`;
  },
};
