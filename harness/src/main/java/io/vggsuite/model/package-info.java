/**
 * The VGG model family of Simonyan and Zisserman (2015), Table 1, as data: {@link
 * io.vggsuite.model.VggConfig} is the table, {@link io.vggsuite.model.VggBuilder} the one builder
 * that turns a row of it into a DJL block, {@link io.vggsuite.model.ClassifierHead} the FC layers
 * that also run as convolutions (Section 3.2, dense evaluation), {@link
 * io.vggsuite.model.LocalResponseNorm} the LRN layer of configuration A-LRN, and {@link
 * io.vggsuite.model.Initialisation} the weight initialisations of Section 3.1.
 *
 * <p>Depends on DJL only; nothing else of the suite.
 */
package io.vggsuite.model;
