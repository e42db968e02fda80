/**
 * Style sheets are emitted as files by webpack (native CSS) and linked from the page; importing one only includes it
 * (`import './x.css'`), it gives no value: the page's Content-Security-Policy allows no <style> element.
 */
declare module '*.css' {}
