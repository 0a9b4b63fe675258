const { ethers } = require("hardhat");
const { expect } = require("chai");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { signPermit } = require("./helpers/registry");

const OPEN = 10n ** 18n;

async function tokenFixture() {
  const [admin, holder, spender, other] = await ethers.getSigners();
  const token = await ethers.deployContract("OpenToken", [admin.address]);
  return { token, admin, holder, spender, other };
}

describe("OpenToken", function () {
  describe("constructor", function () {
    it("is OPEN with 18 decimals, no supply, owned by the given account", async function () {
      const { token, admin } = await loadFixture(tokenFixture);
      expect(await token.name()).to.equal("OpenLedger");
      expect(await token.symbol()).to.equal("OPEN");
      expect(await token.decimals()).to.equal(18n);
      expect(await token.totalSupply()).to.equal(0n);
      expect(await token.owner()).to.equal(admin.address);
    });

    it("names its ERC-2612 domain OpenLedger, version 1", async function () {
      const { token } = await loadFixture(tokenFixture);
      const domain = await token.eip712Domain();
      expect([domain.name, domain.version, domain.chainId, domain.verifyingContract]).to.deep.equal([
        "OpenLedger", "1", (await ethers.provider.getNetwork()).chainId, await token.getAddress(),
      ]);
    });
  });

  describe("mint", function () {
    it("lets the owner mint to anyone", async function () {
      const { token, admin, holder } = await loadFixture(tokenFixture);
      await expect(token.connect(admin).mint(holder.address, 7n * OPEN))
        .to.emit(token, "Transfer")
        .withArgs(ethers.ZeroAddress, holder.address, 7n * OPEN);
      expect(await token.balanceOf(holder.address)).to.equal(7n * OPEN);
      expect(await token.totalSupply()).to.equal(7n * OPEN);
    });

    it("rejects anyone but the owner and mints nothing", async function () {
      const { token, holder } = await loadFixture(tokenFixture);
      await expect(token.connect(holder).mint(holder.address, OPEN))
        .to.be.revertedWithCustomError(token, "OwnableUnauthorizedAccount")
        .withArgs(holder.address);
      expect(await token.totalSupply()).to.equal(0n);
    });
  });

  describe("permit", function () {
    it("sets the allowance from the holder's signature, submitted by anyone, and spends the nonce", async function () {
      const { token, holder, spender, other } = await loadFixture(tokenFixture);
      const deadline = (await time.latest()) + 3600;
      const sig = await signPermit(token, holder, spender.address, 5n * OPEN, deadline);
      await expect(token.connect(other).permit(holder.address, spender.address, 5n * OPEN, deadline, sig.v, sig.r, sig.s))
        .to.emit(token, "Approval")
        .withArgs(holder.address, spender.address, 5n * OPEN);
      expect(await token.allowance(holder.address, spender.address)).to.equal(5n * OPEN);
      expect(await token.nonces(holder.address)).to.equal(1n);
    });

    it("rejects a replayed permit", async function () {
      const { token, holder, spender } = await loadFixture(tokenFixture);
      const deadline = (await time.latest()) + 3600;
      const sig = await signPermit(token, holder, spender.address, OPEN, deadline);
      await token.permit(holder.address, spender.address, OPEN, deadline, sig.v, sig.r, sig.s);
      await expect(token.permit(holder.address, spender.address, OPEN, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC2612InvalidSigner")
        .withArgs(anyValue, holder.address);
      expect(await token.nonces(holder.address)).to.equal(1n);
    });

    it("rejects a signature by someone other than the holder", async function () {
      const { token, holder, spender, other } = await loadFixture(tokenFixture);
      const deadline = (await time.latest()) + 3600;
      const sig = await signPermit(token, holder, spender.address, OPEN, deadline, other);
      await expect(token.permit(holder.address, spender.address, OPEN, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC2612InvalidSigner")
        .withArgs(other.address, holder.address);
      expect(await token.allowance(holder.address, spender.address)).to.equal(0n);
    });

    it("rejects an expired permit", async function () {
      const { token, holder, spender } = await loadFixture(tokenFixture);
      const deadline = (await time.latest()) - 1;
      const sig = await signPermit(token, holder, spender.address, OPEN, deadline);
      await expect(token.permit(holder.address, spender.address, OPEN, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC2612ExpiredSignature")
        .withArgs(deadline);
      expect(await token.nonces(holder.address)).to.equal(0n);
    });
  });
});
