/**
 * The cluster module's command line: {@code java -jar cluster/target/vgg-cluster.jar submit|status|
 * train-run|finish|kubernetes|local|probe-run}. Parsing lives here only; the work is in the library packages.
 */
package io.vggsuite.cluster.cli;
