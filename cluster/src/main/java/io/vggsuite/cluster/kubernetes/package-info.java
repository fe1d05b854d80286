/**
 * The grid on Kubernetes, as generated manifests (no client, no cluster needed to write them):
 * one Job per run whose init container waits for its parent run's completion marker on a shared
 * {@code ReadWriteMany} results volume. Depends on {@code io.vggsuite.cluster}.
 */
package io.vggsuite.cluster.kubernetes;
