package dev.dataversebdd.mutation;

/** The conformant server behind the proxy: the embedded emulator. */
@FunctionalInterface
interface Upstream {

    Answer send(Call call);
}
