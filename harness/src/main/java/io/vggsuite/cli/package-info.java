/**
 * The command line: a thin shell over {@code train} and {@code eval} so one cell of the ablation
 * can be trained and evaluated by hand or by a scheduler. The only package that parses arguments.
 */
package io.vggsuite.cli;
