package io.vggsuite.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Training batches for SGD (Section 3.1): each epoch visits the store in a fresh shuffled order,
 * drops the last incomplete batch, and augments every image with its own random choices.
 *
 * <p>Batches are assembled off the training thread by a pool of workers (one per core by default)
 * into a bounded queue a few batches ahead of the consumer; each batch becomes one NDArray of
 * images and one of labels, created on the consumer's manager (and so on its device).
 *
 * <p>Determinism: one seed drives everything. The order of an epoch comes from (seed, epoch), the
 * random choices for the image at position p of epoch e from (seed, e, p), so the same seed gives
 * bit-identical batches whatever the number of workers.
 */
public final class TrainingBatches implements AutoCloseable {

    /** Batches assembled ahead per worker: enough to hide a slow batch, little memory. */
    private static final int PREFETCH_PER_WORKER = 2;

    private static final long SHUFFLE_KEY = -1;

    private final ImageStore store;
    private final Augmenter augmenter;
    private final int batchSize;
    private final long seed;
    private final int crop;
    private final int prefetch;
    private final ExecutorService workers;
    private final BlockingQueue<float[]> freeBuffers;

    /** Workers: one per available core. */
    public TrainingBatches(ImageStore store, Preprocessing preprocessing, Augmentation augmentation, int batchSize, long seed) {
        this(store, preprocessing, augmentation, batchSize, seed, Runtime.getRuntime().availableProcessors());
    }

    public TrainingBatches(ImageStore store, Preprocessing preprocessing, Augmentation augmentation, int batchSize,
            long seed, int workerCount) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        if (batchSize > store.size()) {
            throw new IllegalArgumentException("batchSize " + batchSize + " exceeds the " + store.size()
                    + " images of the store; with the last incomplete batch dropped an epoch would be empty");
        }
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be positive, got " + workerCount);
        }
        this.store = store;
        this.augmenter = new Augmenter(store, preprocessing, augmentation);
        this.batchSize = batchSize;
        this.seed = seed;
        this.crop = augmentation.crop();
        this.prefetch = PREFETCH_PER_WORKER * workerCount;
        this.freeBuffers = new ArrayBlockingQueue<>(prefetch + 1);
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "vgg-batches-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Full batches per epoch; the remainder of the shuffled order is dropped. */
    public int batchesPerEpoch() {
        return store.size() / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The batches of {@code epoch} (from 0), created on {@code manager}. */
    public BatchIterator epoch(NDManager manager, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
        }
        return new Prefetching(manager, epoch, order(epoch));
    }

    /** The order in which epoch {@code epoch} visits the store: a seeded Fisher–Yates shuffle. */
    int[] order(int epoch) {
        int[] order = new int[store.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, epoch, SHUFFLE_KEY));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Assembled(float[] images, long[] labels) {}

    private Assembled assemble(int epoch, int[] order, int batch) {
        int perImage = augmenter.valuesPerImage();
        float[] images = freeBuffers.poll();
        if (images == null) {
            images = new float[batchSize * perImage];
        }
        long[] labels = new long[batchSize];
        for (int k = 0; k < batchSize; k++) {
            int position = batch * batchSize + k;
            int image = order[position];
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, epoch, position));
            augmenter.write(image, augmenter.draw(image, random), images, k * perImage);
            labels[k] = store.label(image);
        }
        return new Assembled(images, labels);
    }

    private final class Prefetching implements BatchIterator {

        private final NDManager manager;
        private final int epoch;
        private final int[] order;
        private final Deque<Future<Assembled>> pending = new ArrayDeque<>();
        private int submitted;
        private int delivered;

        Prefetching(NDManager manager, int epoch, int[] order) {
            this.manager = manager;
            this.epoch = epoch;
            this.order = order;
            refill();
        }

        private void refill() {
            while (pending.size() < prefetch && submitted < batchesPerEpoch()) {
                int batch = submitted++;
                pending.add(workers.submit(() -> assemble(epoch, order, batch)));
            }
        }

        @Override
        public boolean hasNext() {
            return delivered < batchesPerEpoch();
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch " + epoch + " has only " + batchesPerEpoch() + " batches");
            }
            Assembled assembled = await(pending.removeFirst());
            delivered++;
            refill();
            NDArray images = manager.create(FloatBuffer.wrap(assembled.images()),
                    new Shape(batchSize, store.channels(), crop, crop));
            NDArray labels = manager.create(assembled.labels());
            freeBuffers.offer(assembled.images());
            return new Batch(images, labels);
        }

        private Assembled await(Future<Assembled> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for batch " + delivered + " of epoch " + epoch);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("assembling batch " + delivered + " of epoch " + epoch + " failed", cause);
            }
        }

        @Override
        public void close() {
            for (Future<Assembled> future : pending) {
                future.cancel(false);
            }
            pending.clear();
            delivered = batchesPerEpoch();
        }
    }
}
