/**
 * Data: decoding datasets once into a compact in-memory {@link io.vggsuite.data.ImageStore} (CIFAR-10
 * as JPEG ImageFolder or official binary batches, Fashion-MNIST IDX, any ImageFolder directory or
 * archive), finding them on disk or fetching them ({@link io.vggsuite.data.DataLocator}), the
 * held-out validation split, and the preprocessing and augmentation of Sections 2.1 and 3.1 of
 * Simonyan and Zisserman (2015): mean-RGB subtraction, isotropic rescaling to a training scale S
 * (fixed or jittered), random crops, flips and the RGB colour shift of Krizhevsky et al. (2012).
 * {@link io.vggsuite.data.TrainingBatches} assembles training batches off the training thread;
 * {@link io.vggsuite.data.TestViews} cuts the views of Section 3.2 for the evaluator; {@link
 * io.vggsuite.data.ScaleMapping} is the one place paper sizes (for 224 crops) become sizes for
 * another crop.
 *
 * <p>May depend on DJL and commons-compress; never on {@code model}, {@code train} or {@code eval}.
 */
package io.vggsuite.data;
