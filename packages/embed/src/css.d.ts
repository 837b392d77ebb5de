/** A stylesheet imported as its text (the CDN build's kith-css plugin). */
declare module '*.css' {
  const text: string;
  export default text;
}
