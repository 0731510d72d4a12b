package com.scratch.emulators.ssm;

import java.util.List;
import java.util.Optional;

/**
 * Where an {@link SsmEmulator} keeps its parameters, so storage can change (in memory, an encrypted file)
 * without touching the wire protocol. The emulator owns the rules (versions, overwrite checks) and
 * serialises all writes; an implementation only has to store and return what it is given and allow
 * reads concurrent with one writer.
 *
 * <pre>{@code
 * ParameterStore store = new InMemoryParameterStore();
 * try (SsmEmulator ssm = SsmEmulator.start(0, store)) { ... }
 * }</pre>
 */
public interface ParameterStore {

    Optional<StoredParameter> find(String name);

    /** Every parameter, sorted by name. */
    List<StoredParameter> all();

    /** Stores the parameter, replacing one with the same name. */
    void save(StoredParameter parameter);

    /** @return whether there was a parameter with that name */
    boolean delete(String name);

    /** Forgets every parameter. */
    void clear();
}
