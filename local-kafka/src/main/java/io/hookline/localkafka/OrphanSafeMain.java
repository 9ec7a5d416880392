package io.hookline.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM that must not outlive the process that started it: runs another main class in this JVM
 * and exits when the parent is gone.
 *
 * <p>Usage: {@code java -cp ... io.hookline.localkafka.OrphanSafeMain <main-class> <args...>}, started with stdin a
 * pipe from the parent ({@link ProcessBuilder}'s default) that the parent keeps open and never writes to.
 *
 * <p>Why: a child JVM does not die with its parent, and a JVM cannot ask the kernel for that (no
 * {@code PR_SET_PDEATHSIG} from Java). But the kernel closes a dead process's pipes whatever killed it, so stdin
 * reaches end-of-file exactly when the parent is gone, even after {@code kill -9}; the child then exits with
 * {@link System#exit} (its shutdown hooks run, so it stops cleanly) and is halted if that takes longer than 15 s.
 * The pipe also ends when the parent stops the child itself ({@link Process#destroy()}: SIGTERM, then the pipe is
 * closed); then the shutdown the signal started is left to finish in the parent's own time.
 */
public final class OrphanSafeMain {

  private static final long ORPHAN_EXIT_GRACE_MILLIS = 15_000;
  /** How long after the pipe's end a SIGTERM from a stopping parent may take to start this JVM's shutdown. */
  private static final long SIGNAL_WAIT_NANOS = 2_000_000_000L;

  private OrphanSafeMain() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("usage: OrphanSafeMain <main-class> [args...]");
      System.exit(2);
    }
    exitWhenParentIsGone(System.in, args[0]);
    runMain(args);
  }

  /** Watches {@code parentPipe} on a daemon thread; its end (or a broken pipe) exits this JVM. */
  static void exitWhenParentIsGone(InputStream parentPipe, String what) {
    Thread watcher = new Thread(() -> {
      try {
        byte[] sink = new byte[256];
        while (parentPipe.read(sink) >= 0) {
          // the parent never writes; anything read is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the parent is gone, same as end-of-file
      }
      if (!stoppingOnSignal()) {
        exit(what);
      }
    }, "orphan-safe-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Whether the pipe ended because the parent is stopping this JVM: {@link Process#destroy()} sends SIGTERM and then
   * closes the pipe, so a shutdown begins here within moments. That stop is the parent's to time (it waits and then
   * kills); exiting on our own would put our 15 s limit on its clean shutdown. A dead parent sends no signal.
   */
  private static boolean stoppingOnSignal() {
    long deadline = System.nanoTime() + SIGNAL_WAIT_NANOS;
    do {
      if (shutdownInProgress()) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return false;
      }
    } while (System.nanoTime() - deadline < 0);
    return false;
  }

  private static boolean shutdownInProgress() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true; // "Shutdown in progress"
    }
  }

  /** Calls {@code main(args[1..])} of the class named by {@code args[0]}, rethrowing what it throws. */
  static void runMain(String[] args) throws Throwable {
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exit(String what) {
    System.err.println(what + ": the process that started this JVM is gone, exiting");
    // A clean shutdown keeps data and logs tidy for the next start; the halt guarantees we never linger if it hangs.
    Thread reaper = new Thread(() -> {
      try {
        Thread.sleep(ORPHAN_EXIT_GRACE_MILLIS);
      } catch (InterruptedException ignored) {
        // halt anyway
      }
      Runtime.getRuntime().halt(1);
    }, "orphan-safe-reaper");
    reaper.setDaemon(true);
    reaper.start();
    System.exit(0);
  }
}
