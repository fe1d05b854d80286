/**
 * The command line: a thin shell over {@code train} and {@code eval} so one cell of the ablation
 * can be trained and evaluated by hand or by a scheduler, and {@link io.vggsuite.cli.CommandLines}:
 * the exit statuses and error printing that {@code vgg-cluster} shares.
 */
package io.vggsuite.cli;
