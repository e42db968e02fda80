/** Stylesheets are bundled as text (webpack `asset/source`) and put in a <style> element at start-up. */
declare module '*.css' {
  const css: string;
  export default css;
}
