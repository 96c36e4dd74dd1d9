// `example:calculator/math`, implemented in TypeScript; the shape mirrors wit/calculator.wit.
interface Math {
  add(a: number, b: number): number;
  greet(name: string): string;
}

export const math: Math = {
  add(a, b) {
    // s32 arithmetic wraps, as it would in any other language the interface is implemented in.
    return (a + b) | 0;
  },
  greet(name) {
    return `Hello, ${name}!`;
  },
};
