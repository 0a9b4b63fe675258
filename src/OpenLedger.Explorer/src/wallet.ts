import { get, type Contracts, type NodeStatus } from "./api";
import { decodeError } from "./abi";
import { checksum } from "./format";

// Transactions go through the wallet the browser injects (EIP-1193, window.ethereum): the page never holds a key.

interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

declare global {
  interface Window { ethereum?: Eip1193 }
}

interface Receipt { status: string; blockNumber: string; transactionHash: string }

/** What became of a transaction: confirmed (with its block) or refused, with the reason as the contract names it. */
export type Outcome = { ok: true; hash: string; block: number } | { ok: false; reason: string };

let contracts: Contracts | null = null;
let account: string | null = null;

export const connectedAccount = () => account;

export async function contractsOf(): Promise<Contracts> {
  return (contracts ??= await get<Contracts>("/contracts"));
}

export function hasWallet(): boolean {
  return typeof window.ethereum?.request === "function";
}

/** Asks the wallet for an account and checks it is on this node's chain. */
export async function connect(): Promise<string> {
  const wallet = window.ethereum;
  if (!wallet) throw new Error("no wallet found: install a browser wallet (EIP-1193) to sign transactions");
  const deployment = await contractsOf();
  const accounts = (await wallet.request({ method: "eth_requestAccounts" })) as string[];
  if (!accounts?.length) throw new Error("the wallet gave no account");
  const chainId = Number(BigInt((await wallet.request({ method: "eth_chainId" })) as string));
  if (chainId !== deployment.chainId)
    throw new Error(`the wallet is on chain ${chainId} but this node's contracts are on chain ${deployment.chainId}: switch networks in the wallet`);
  account = checksum(accounts[0]);
  return account;
}

/**
 * Sends `data` to `to` from the connected account: first as a call, so a revert is shown as the contract's custom error
 * before anything is signed, then through the wallet, waiting for the receipt and for this node to index its block.
 */
export async function send(to: string, data: string): Promise<Outcome> {
  const wallet = window.ethereum;
  if (!wallet || !account) return { ok: false, reason: "connect a wallet first" };
  const deployment = await contractsOf();
  const tx = { from: account, to, data };
  try {
    await wallet.request({ method: "eth_call", params: [tx, "latest"] });
  } catch (e) {
    return { ok: false, reason: revertReason(e, deployment) };
  }
  let hash: string;
  try {
    hash = (await wallet.request({ method: "eth_sendTransaction", params: [tx] })) as string;
  } catch (e) {
    return { ok: false, reason: revertReason(e, deployment) };
  }
  for (let i = 0; i < 600; i++) {
    const receipt = (await wallet.request({ method: "eth_getTransactionReceipt", params: [hash] })) as Receipt | null;
    if (receipt) {
      const block = Number(BigInt(receipt.blockNumber));
      if (receipt.status !== "0x1") return { ok: false, reason: `transaction ${hash} reverted in block ${block}` };
      await indexed(block);
      return { ok: true, hash, block };
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return { ok: false, reason: `transaction ${hash} was not mined within 150 s` };
}

/** Waits (bounded) until the node has indexed `block`, so the figures read next include the transaction. */
async function indexed(block: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const status = await get<NodeStatus>("/status");
    if ((status.cursor ?? -1) >= block) return;
    await new Promise(r => setTimeout(r, 250));
  }
}

/** The custom error in a wallet's error (EIP-1193 errors carry the revert data in `data`), else its message. */
function revertReason(e: unknown, deployment: Contracts): string {
  const error = e as { message?: string; data?: unknown };
  const data = findRevertData(error.data);
  const decoded = data ? decodeError(data, deployment.errors) : null;
  if (decoded) return decoded;
  return data ? `reverted with unknown data ${data}` : (error.message ?? String(e));
}

function findRevertData(data: unknown): string | null {
  if (typeof data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(data)) return data;
  if (data && typeof data === "object") {
    const nested = data as { data?: unknown; originalError?: { data?: unknown } };
    return findRevertData(nested.data) ?? findRevertData(nested.originalError?.data);
  }
  return null;
}
