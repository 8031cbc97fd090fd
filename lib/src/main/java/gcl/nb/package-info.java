/**
 * Notebook front end: how every lesson shows tables ({@link gcl.nb.Show#table}) and charts
 * ({@link gcl.nb.Show#chart}), the same way under JJava and IJava.
 */
package gcl.nb;
